"""The signed-in resident: who they are by e-ID, and the way to the e-ID login. Shared by Mina
sidor (citizen_portal) and the e-services (eservices)."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from .models import CitizenIdentity


def citizen_identity(request) -> CitizenIdentity | None:
    """The e-ID identity of the signed-in person; None for anonymous visitors and employees."""
    if not request.user.is_authenticated:
        return None
    try:
        # Read with the user by portal.auth_backends; else one query.
        return request.user.citizen_identity
    except CitizenIdentity.DoesNotExist:
        return None


def e_id_login(request, employee_message):
    """To the e-ID login and back here afterwards; an employee's session is told why first
    (`employee_message`): their account is not a resident's."""
    if request.user.is_authenticated:
        messages.info(request, employee_message)
    query = urlencode({"next": request.get_full_path()})
    return redirect(f"{reverse('my_pages_login')}?{query}")
