@{Validation and helper functions for network values: IPv4 addresses, MAC addresses, names.}
declaration template panfab/functions/network;

@{True if ARGV[0] is a dotted-quad IPv4 address with every octet in 0..255.}
function is_ipv4 = {
    if (ARGC != 1 || !is_string(ARGV[0])) error('is_ipv4 requires one string argument');
    octets = matches(ARGV[0], '^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$');
    if (length(octets) != 5) return(false);
    foreach (i; octet; splice(octets, 0, 1)) {
        if (to_long(octet) > 255) return(false);
    };
    true;
};

@{True if ARGV[0] is a MAC address written as six colon-separated hex pairs.}
function is_hwaddr = {
    if (ARGC != 1 || !is_string(ARGV[0])) error('is_hwaddr requires one string argument');
    match(ARGV[0], '^(?i)[0-9a-f]{2}(:[0-9a-f]{2}){5}$');
};

@{True if ARGV[0] is a valid DNS name (RFC 1123 labels, at most 253 characters).}
function is_fqdn = {
    if (ARGC != 1 || !is_string(ARGV[0])) error('is_fqdn requires one string argument');
    length(ARGV[0]) <= 253 &&
        match(ARGV[0], '^([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)(\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$');
};

@{True if ARGV[0] is a contiguous IPv4 netmask such as 255.255.255.0.}
function is_netmask = {
    if (!is_ipv4(ARGV[0])) return(false);
    parsed = ip4_to_long(ARGV[0]);
    inverted = (~parsed[0]) & 0xFFFFFFFF;
    (inverted & (inverted + 1)) == 0;
};

@{True if addresses ARGV[0] and ARGV[1] lie in the same subnet under netmask ARGV[2].}
function ip_in_subnet = {
    mask = ip4_to_long(ARGV[2]);
    a = ip4_to_long(ARGV[0]);
    b = ip4_to_long(ARGV[1]);
    (a[0] & mask[0]) == (b[0] & mask[0]);
};
