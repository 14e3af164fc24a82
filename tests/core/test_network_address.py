import pytest

from borderless.core.network_address import client_address, parse_networks

PROXIES = parse_networks(["10.0.0.0/8", "192.0.2.10", "fd00::/8"])


def test_without_trusted_proxies_the_connection_is_the_client_whatever_the_header_says():
    assert client_address(remote_addr="198.51.100.7", forwarded_for="203.0.113.1", trusted=()) == "198.51.100.7"


def test_behind_a_trusted_proxy_the_header_names_the_client():
    assert client_address(remote_addr="10.1.2.3", forwarded_for="203.0.113.1", trusted=PROXIES) == "203.0.113.1"


def test_the_right_most_untrusted_address_wins_over_what_the_client_wrote():
    # The client wrote "1.1.1.1, 8.8.8.8"; our proxy appended the address it saw.
    header = "1.1.1.1, 8.8.8.8, 203.0.113.1"
    assert client_address(remote_addr="10.1.2.3", forwarded_for=header, trusted=PROXIES) == "203.0.113.1"


def test_several_trusted_proxies_are_skipped():
    header = "203.0.113.1, 192.0.2.10, 10.9.9.9"
    assert client_address(remote_addr="10.1.2.3", forwarded_for=header, trusted=PROXIES) == "203.0.113.1"


def test_a_header_from_an_untrusted_peer_is_ignored():
    assert client_address(remote_addr="198.51.100.7", forwarded_for="10.0.0.1", trusted=PROXIES) == "198.51.100.7"


def test_a_trusted_proxy_without_a_header_is_the_client():
    assert client_address(remote_addr="10.1.2.3", forwarded_for=None, trusted=PROXIES) == "10.1.2.3"
    assert client_address(remote_addr="10.1.2.3", forwarded_for="", trusted=PROXIES) == "10.1.2.3"


def test_a_chain_of_only_trusted_hops_ends_at_the_first():
    assert client_address(remote_addr="10.1.2.3", forwarded_for="10.0.0.5, 10.0.0.6", trusted=PROXIES) == "10.0.0.5"


def test_garbage_in_the_chain_stops_at_the_last_address_that_could_be_followed():
    header = "not-an-address, 10.0.0.7"
    assert client_address(remote_addr="10.1.2.3", forwarded_for=header, trusted=PROXIES) == "10.0.0.7"


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        ("203.0.113.1:5123", "203.0.113.1"),
        ("[2001:db8::1]:443", "2001:db8::1"),
        ("2001:DB8:0:0::1", "2001:db8::1"),
        ("::ffff:203.0.113.1", "203.0.113.1"),
    ],
)
def test_ports_brackets_and_spellings_of_ipv6_are_normalised(entry, expected):
    assert client_address(remote_addr="fd00::1", forwarded_for=entry, trusted=PROXIES) == expected


def test_no_connection_address_means_no_client():
    assert client_address(remote_addr="", forwarded_for="203.0.113.1", trusted=PROXIES) is None


def test_a_bad_trusted_entry_is_named():
    with pytest.raises(ValueError, match=r"proxy\.example"):
        parse_networks(["10.0.0.0/8", "proxy.example"])
