@{Installation settings: the subset of Quattor AII's kickstart (structure_ks_ks_info) and
  pxelinux (structure_pxelinux_pxe_info) schemas that panfab reads, with the same names.}
declaration template panfab/schema/aii;

include 'panfab/types/network';

type structure_ks_logvol = {
    'name' : string(1..64) with match(SELF, '^[a-zA-Z0-9_.+-]+$')
    'mountpoint' : string with match(SELF, '^(/[^\s]*|swap)$')
    'size' : long(1..)
    'fstype' : choice('xfs', 'ext4', 'swap') = 'xfs'
};

type structure_ks_partitioning = {
    'disk' : string = 'sda'
    'boot_size' : long(200..) = 1024
    'volgroup' : string = 'vg_root'
    'logvols' : structure_ks_logvol[1..]
};

type structure_ks_ks_info = {
    'installtype' : string with match(SELF, '^url --url=(https?|ftp|nfs)://[^\s]+$')
    'repo' ? type_absoluteURI[]
    'lang' : string = 'en_US.UTF-8'
    'keyboard' : string = 'us'
    'timezone' : string with match(SELF, '^[A-Za-z]+(/[A-Za-z0-9_+-]+)*$')
    'rootpw' : string with match(SELF, '^\$[1-6y]\$[^\s]+$')
    'bootproto' : choice('static', 'dhcp')
    'packages' : string[] = list('@core')
    'selinux' : choice('disabled', 'enforcing', 'permissive') = 'enforcing'
    'partitioning' ? structure_ks_partitioning
    'post_install_script' ? type_absoluteURI
};

type structure_pxelinux_pxe_info = {
    'kernel' : string
    'initrd' : string
    'kslocation' : type_absoluteURI
    'label' : string
    'append' ? string
    'ksdevice' : string = 'bootif'
};

type structure_aii = {
    'osinstall' : { 'ks' : structure_ks_ks_info }
    'nbp' ? { 'pxelinux' : structure_pxelinux_pxe_info }
};
