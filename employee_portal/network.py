"""Whether the employee's browser is on a municipal network (settings.MUNICIPAL_NETWORKS).

Some applications in the catalogue can only be reached from the municipalities' networks. Mina
system says so to an employee who is outside them (at home, on a phone's mobile data), instead
of leaving them with a link that times out. The client address is the one allauth's rate
limits and the audit trail use (`portal.audit.receivers.client_ip`): REMOTE_ADDR, or the
address the trusted proxies in front of the portal put in X-Forwarded-For.
"""

import ipaddress
from functools import lru_cache

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from portal.audit.receivers import client_ip


@lru_cache(maxsize=4)
def _networks(cidrs: tuple[str, ...]) -> tuple:
    networks = []
    for cidr in cidrs:
        try:
            networks.append(ipaddress.ip_network(cidr, strict=False))
        except ValueError as error:
            raise ImproperlyConfigured(
                f"MUNICIPAL_NETWORKS: {cidr!r} is not an address or network ({error})."
            ) from error
    return tuple(networks)


def municipal_networks() -> tuple:
    """The configured networks, parsed once per distinct setting."""
    return _networks(tuple(getattr(settings, "MUNICIPAL_NETWORKS", ())))


def client_is_on_municipal_network(request) -> bool | None:
    """True inside one of the municipal networks, False outside them, None when the portal
    cannot tell: no networks configured, or no usable client address."""
    networks = municipal_networks()
    if not networks:
        return None
    address = client_ip(request)
    if address is None:
        return None
    ip = ipaddress.ip_address(address)
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return any(ip.version == network.version and ip in network for network in networks)
