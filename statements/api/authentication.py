"""API tokens, sent as ``Authorization: Token <key>`` or ``Authorization: Bearer <key>``.

``Token`` is DRF's keyword; ``Bearer`` is the one generated clients send by default
(openapi-python-client's ``AuthenticatedClient``, most HTTP libraries' bearer helpers).
Both name the same tokens, and both are described in the schema.
"""

from django.db import DEFAULT_DB_ALIAS, router
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions


class TokenAuthentication(authentication.TokenAuthentication):
    keyword = "Token"  # the challenge in WWW-Authenticate
    keywords = ("Token", "Bearer")

    def authenticate(self, request):
        auth = authentication.get_authorization_header(request).split()
        if not auth or auth[0].lower() not in {word.lower().encode() for word in self.keywords}:
            return None  # another scheme (or none): not ours to refuse
        if len(auth) == 1:
            raise exceptions.AuthenticationFailed("Invalid token header. No credentials provided.")
        if len(auth) > 2:
            raise exceptions.AuthenticationFailed(
                "Invalid token header. Token string should not contain spaces."
            )
        try:
            key = auth[1].decode()
        except UnicodeError as exc:
            raise exceptions.AuthenticationFailed(
                "Invalid token header. Token string should not contain invalid characters."
            ) from exc
        return self.authenticate_credentials(key)

    def authenticate_credentials(self, key):
        try:
            return super().authenticate_credentials(key)
        except exceptions.AuthenticationFailed:
            model = self.get_model()
            if router.db_for_read(model) == DEFAULT_DB_ALIAS:
                raise
        # Read from a replica, which may not have replayed a token made a moment ago.
        try:
            token = model.objects.using(DEFAULT_DB_ALIAS).select_related("user").get(key=key)
        except model.DoesNotExist as exc:
            raise exceptions.AuthenticationFailed("Invalid token.") from exc
        if not token.user.is_active:
            raise exceptions.AuthenticationFailed("User inactive or deleted.")
        return (token.user, token)


class TokenAuthenticationScheme(OpenApiAuthenticationExtension):
    """Either keyword: two security schemes, either of which authenticates (OR)."""

    target_class = TokenAuthentication
    name = ["tokenAuth", "bearerAuth"]
    priority = 1  # before drf-spectacular's own scheme for DRF's TokenAuthentication

    def get_security_requirement(self, auto_schema):
        return [{name: []} for name in self.name]

    def get_security_definition(self, auto_schema):
        return [
            {
                "type": "apiKey",
                "in": "header",
                "name": "Authorization",
                "description": 'An API token with the prefix "Token": `Token <key>`.',
            },
            {
                "type": "http",
                "scheme": "bearer",
                "description": "The same API token as a bearer token: `Bearer <key>`.",
            },
        ]
