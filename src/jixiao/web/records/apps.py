from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RecordsConfig(AppConfig):
    name = "jixiao.web.records"
    label = "records"
    verbose_name = _("自评表")
