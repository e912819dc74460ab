from django.apps import AppConfig


class StatementsConfig(AppConfig):
    name = "statements"
    verbose_name = "Attributed statements"

    def ready(self) -> None:
        from statements.generation import connect_signals

        connect_signals()
