@{Basic value types for network settings, named as in Quattor's pan/types.}
declaration template panfab/types/network;

include 'panfab/functions/network';

type type_ip = string with is_ipv4(SELF);
type type_netmask = string with is_netmask(SELF);
type type_hwaddr = string with is_hwaddr(SELF);
type type_fqdn = string with is_fqdn(SELF);
type type_hostname = string(1..63) with match(SELF, '^[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?$');
type type_absoluteURI = string with match(SELF, '^(https?|ftp|nfs|tftp)://[^\s]+$');
type type_uuid = string with match(SELF, '^(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$');
