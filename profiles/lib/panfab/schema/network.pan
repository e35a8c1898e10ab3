@{Network configuration under /system/network (Quattor's structure_network names).}
declaration template panfab/schema/network;

include 'panfab/types/network';

type structure_interface = {
    'ip' ? type_ip
    'netmask' ? type_netmask
    'gateway' ? type_ip
    @{Name of the bridge this interface is enslaved to.}
    'bridge' ? string
    'bootproto' ? choice('static', 'dhcp', 'none')
    'onboot' : boolean = true
    @{Ethernet or Bridge, as in ifcfg TYPE.}
    'type' ? choice('Ethernet', 'Bridge')
} with {
    if (is_defined(SELF['bootproto']) && SELF['bootproto'] == 'static' && !is_defined(SELF['ip']))
        error('a static interface needs an ip');
    true;
};

type structure_network = {
    'hostname' : type_hostname
    'domainname' : type_fqdn
    'default_gateway' ? type_ip
    'nameserver' ? type_ip[]
    'interfaces' : structure_interface{1..}
};

bind '/system/network' = structure_network;
