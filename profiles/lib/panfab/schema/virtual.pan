@{panfab's own schema for virtualisation: Xen hosts (dom0) under /virtual/host and their
  guests (domU) under /virtual/guest.}
declaration template panfab/schema/virtual;

include 'panfab/types/network';

type structure_storage_pool = {
    'type' : choice('lvm', 'file')
    @{Volume group name (lvm) or directory (file).}
    'source' : string
};

type structure_virtual_host = {
    'hypervisor' : choice('xen') = 'xen'
    @{Memory reserved for dom0, in MB.}
    'dom0_memory' : long(512..) = 4096
    'dom0_vcpus' : long(1..) = 2
    'bridges' : string[1..]
    'storage' : structure_storage_pool{}
    'max_guests' ? long(1..)
    @{Allowed ratio of guest vCPUs to physical cores.}
    'vcpu_ratio' : double = 2.0
};

type structure_guest_disk = {
    'vdev' : string with match(SELF, '^(xvd|hd|sd)[a-z]$')
    @{Size in GB.}
    'size' : long(1..)
    @{Storage pool of the host, and volume name in it.}
    'pool' : string
    'volume' : string with match(SELF, '^[a-zA-Z0-9_.+-]+$')
    'format' : choice('raw', 'qcow2') = 'raw'
    'access' : choice('rw', 'ro') = 'rw'
};

type structure_guest_nic = {
    'device' : string
    'bridge' : string
};

type structure_virtual_guest = {
    @{FQDN of the Xen host profile this guest runs on.}
    'host' : type_fqdn
    'type' : choice('pv', 'hvm')
    @{Memory in MB.}
    'memory' : long(128..)
    'maxmem' ? long(128..)
    'vcpus' : long(1..64) = 1
    'uuid' : type_uuid
    'disks' : structure_guest_disk[1..]
    'nics' : structure_guest_nic[1..]
    'boot' : choice('pypxeboot', 'direct-kernel', 'pygrub', 'hvm-pxe')
    @{Services the guest runs besides those in /system/services; the site model keeps one
      list, the union of both.}
    'services' : string[] = list()
    'on_poweroff' : choice('destroy', 'restart', 'preserve') = 'destroy'
    'on_reboot' : choice('destroy', 'restart', 'preserve') = 'restart'
    'on_crash' : choice('destroy', 'restart', 'preserve', 'coredump-destroy', 'coredump-restart') = 'restart'
} with {
    if (is_defined(SELF['maxmem']) && SELF['maxmem'] < SELF['memory'])
        error('maxmem (%d) is below memory (%d)', SELF['maxmem'], SELF['memory']);
    if (SELF['type'] == 'hvm' && SELF['boot'] != 'hvm-pxe')
        error("an HVM guest boots with 'hvm-pxe', not '%s'", SELF['boot']);
    if (SELF['type'] == 'pv' && SELF['boot'] == 'hvm-pxe')
        error("a PV guest cannot boot with 'hvm-pxe'");
    true;
};

type structure_virtual = {
    'host' ? structure_virtual_host
    'guest' ? structure_virtual_guest
} with {
    if (exists(SELF['host']) && exists(SELF['guest'])) error('a profile cannot be both a Xen host and a guest');
    true;
};
