@{Xen-wide conventions: the two bridges every Xen host provides and the guest MAC prefix.}
unique template config/xen;

@{Public network bridge and private (storage/cluster) network bridge.}
final variable XEN_BRIDGES = list('xenbr0', 'xenbr1');
final variable XEN_PRIVATE_NETMASK = '255.255.0.0';
@{Xen's own OUI for guest MAC addresses.}
final variable XEN_MAC_PREFIX = '00:16:3e';
