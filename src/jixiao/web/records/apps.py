from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RecordsConfig(AppConfig):
    name = "jixiao.web.records"
    label = "records"
    verbose_name = _("自评表")

    def ready(self) -> None:
        from django.core.cache import cache
        from django.db.models.signals import post_delete, post_save

        from jixiao.web.records.models import RuleSetting

        def forget(**kwargs: object) -> None:
            cache.delete("jixiao-rule-settings")

        post_save.connect(forget, sender=RuleSetting, weak=False)
        post_delete.connect(forget, sender=RuleSetting, weak=False)
