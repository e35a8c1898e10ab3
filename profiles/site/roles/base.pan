@{What every machine of the site has: the schema, site settings, identity from the object
  name, DNS and routing, and an Enterprise Linux 9 installation with LVM partitioning.}
template roles/base;

include 'panfab/schema';
include 'config/site';

@{Short host name: the first label of the object template name (an FQDN).}
final variable HOSTNAME = {
    labels = split('\.', OBJECT);
    labels[0];
};

prefix '/system/network';
'hostname' = HOSTNAME;
'domainname' = SITE_DOMAIN;
'default_gateway' = SITE_GATEWAY;
'nameserver' = SITE_NAMESERVERS;

include 'os/el9';

'/system/aii/osinstall/ks/partitioning' ?= dict(
    'disk', 'sda',
    'volgroup', 'vg_root',
    'logvols', list(
        dict('name', 'root', 'mountpoint', '/', 'size', 16384),
        dict('name', 'var', 'mountpoint', '/var', 'size', 8192),
        dict('name', 'swap', 'mountpoint', 'swap', 'size', 2048, 'fstype', 'swap'),
    ),
);
