"""allauth adapters.

There is no self-signup: accounts come from the identity providers, and until single sign-on
is configured, administrators create them.
"""

from allauth.account.adapter import DefaultAccountAdapter


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request):
        return False
