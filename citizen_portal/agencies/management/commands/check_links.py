from django.core.management.base import BaseCommand

from citizen_portal.agencies.linkcheck import run_link_check, timeout_seconds, worker_count


class Command(BaseCommand):
    help = (
        "Kontrollerar alla externa länkar på publicerade sidor och i myndighetsregistret, "
        "sparar resultatet och meddelar sidornas ägare om länkar som har slutat fungera."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--timeout",
            type=float,
            default=None,
            help=f"Sekunder per anrop (standard LINK_CHECK_TIMEOUT, nu {timeout_seconds():g}).",
        )
        parser.add_argument(
            "--workers",
            type=int,
            default=None,
            help=f"Anrop samtidigt (standard LINK_CHECK_WORKERS, nu {worker_count()}).",
        )

    def handle(self, *args, timeout=None, workers=None, **options):
        summary = run_link_check(timeout=timeout, workers=workers)
        if summary.get("offline"):
            self.stderr.write(
                self.style.WARNING(
                    f"Ingen av {summary['checked']} adresser svarade: servern verkar sakna "
                    "förbindelse med internet. Inget har sparats."
                )
            )
            return
        self.stdout.write(
            self.style.SUCCESS(
                f"{summary['checked']} adresser kontrollerade: {summary['broken']} trasiga "
                f"({summary['newly_broken']} nya), {summary['redirected']} omdirigerade. "
                f"Meddelanden till sidornas ägare: {summary['owners_told']}."
            )
        )
