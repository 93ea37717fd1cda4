from django.contrib import admin

from jixiao.web.accounts.models import Profile, Token, Unit


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ("name", "parent")
    search_fields = ("name",)
    list_filter = ("parent",)


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin):
    list_display = ("user", "role", "unit")
    list_filter = ("role",)


@admin.register(Token)
class TokenAdmin(admin.ModelAdmin):
    list_display = ("user", "name", "created")
    readonly_fields = ("key",)
