from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from jixiao.web.accounts import views as account_views
from jixiao.web.api import api
from jixiao.web.views import dashboard, exports, forms, imports, public

urlpatterns = [
    path("", forms.home, name="home"),
    path("login/", account_views.ThrottledLoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("tokens/", account_views.tokens, name="tokens"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("forms/", forms.form_list, name="form_list"),
    path("forms/new/", forms.form_new, name="form_new"),
    path("forms/preview/", forms.form_preview, name="form_preview"),
    path("forms/export/", exports.export_selection, name="export_selection"),
    path("forms/<int:pk>/", forms.form_detail, name="form_detail"),
    path("forms/<int:pk>/edit/", forms.form_edit, name="form_edit"),
    path("forms/<int:pk>/act/", forms.form_act, name="form_act"),
    path("forms/<int:pk>/json/", forms.form_json, name="form_json"),
    path("forms/<int:pk>/export/<str:fmt>/", exports.export_one, name="export_one"),
    path("import/", imports.upload, name="import_upload"),
    path("import/review/", imports.review, name="import_review"),
    path("public/", public.public_list, name="public_list"),
    path("dashboard/", dashboard.dashboard, name="dashboard"),
    path("dashboard/data/", dashboard.dashboard_data, name="dashboard_data"),
    path("dashboard/forms/", dashboard.drill, name="dashboard_drill"),
    path("api/", api.urls),
    path("admin/", admin.site.urls),
]
