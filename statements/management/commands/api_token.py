"""Issue, rotate or revoke the API token of a user."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from rest_framework.authtoken.models import Token


class Command(BaseCommand):
    help = (
        "Print the API token of a user, issuing one if there is none. "
        "--rotate replaces it (the old one stops working); --revoke deletes it."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        action = parser.add_mutually_exclusive_group()
        action.add_argument("--rotate", action="store_true", help="Replace the token.")
        action.add_argument("--revoke", action="store_true", help="Delete the token.")

    def handle(self, *args, username: str, rotate: bool, revoke: bool, **options):
        try:
            user = get_user_model().objects.get(username=username)
        except get_user_model().DoesNotExist:
            raise CommandError(f'No user is named "{username}".') from None
        if not user.is_active:
            raise CommandError(f'User "{username}" is inactive: activate it first.')
        if revoke:
            deleted, _ = Token.objects.filter(user=user).delete()
            message = "Token revoked." if deleted else "The user had no token."
            self.stdout.write(self.style.SUCCESS(message))
            return
        if rotate:
            Token.objects.filter(user=user).delete()
        token, created = Token.objects.get_or_create(user=user)
        verb = "Rotated" if rotate else "Issued" if created else "Existing"
        self.stderr.write(f"{verb} token for {username}; send it as: Authorization: Token <key>")
        self.stdout.write(token.key)
