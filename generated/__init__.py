"""A client library for accessing Cekura metrics API (as covered by this SDK)"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
