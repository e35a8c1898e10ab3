@{A Xen guest (domU). Set GUEST_HOST, GUEST_TYPE ('pv' or 'hvm'), GUEST_BOOT, GUEST_MEMORY,
  GUEST_VCPUS, GUEST_IP, GUEST_MAC, GUEST_UUID and GUEST_DISK_GB before including it; add more
  NICs or disks afterwards with the GUEST_* helpers of this template.}
template roles/guest;

include 'roles/base';
include 'panfab/virtual_guest';
include 'config/xen';

@{Virtual device name of the first disk: PV guests use xvd*, HVM guests emulated IDE.}
variable GUEST_DISK_PREFIX = if (GUEST_TYPE == 'pv') 'xvd' else 'hd';

'/hardware/cpu' = list(dict('cores', GUEST_VCPUS));
'/hardware/ram' = list(dict('size', GUEST_MEMORY));
'/hardware/cards/nic/eth0' = dict('hwaddr', GUEST_MAC, 'boot', true);
'/system/network/interfaces/eth0' = create('struct/interface', 'ip', GUEST_IP);

prefix '/virtual/guest';
'host' = GUEST_HOST;
'type' = GUEST_TYPE;
'memory' = GUEST_MEMORY;
'vcpus' = GUEST_VCPUS;
'uuid' = GUEST_UUID;
'boot' = GUEST_BOOT;
'nics' = list(dict('device', 'eth0', 'bridge', 'xenbr0'));
'disks' = list(create('struct/lvm_disk',
    'vdev', GUEST_DISK_PREFIX + 'a',
    'size', GUEST_DISK_GB,
    'volume', HOSTNAME + '-root'));

'/system/aii/osinstall/ks/partitioning/disk' = GUEST_DISK_PREFIX + 'a';
