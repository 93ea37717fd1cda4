"""The web application (Django): fill, score, review and publish self-evaluation forms.

Views and models hold no scoring logic: they call :mod:`jixiao.core` through
:mod:`jixiao.web.engine`, and every permission question goes through
:mod:`jixiao.web.access`.
"""
