@{A Xen host (dom0) with two bridges: xenbr0 on the public network (eth0) and xenbr1 on the
  private network (eth1). Set XEN_HOST_IP, XEN_HOST_PRIVATE_IP, XEN_HOST_MACS (eth0, eth1),
  HOST_CORES and HOST_RAM_MB before including it.}
template roles/xen_host;

include 'roles/base';
include 'panfab/virtual_host';
include 'config/xen';

'/hardware/cpu' = list(dict('manufacturer', 'Intel', 'model', 'Xeon E5-2640', 'cores', HOST_CORES));
'/hardware/ram' = list(dict('size', HOST_RAM_MB));
'/hardware/cards/nic/eth0' = dict('hwaddr', XEN_HOST_MACS[0], 'boot', true);
'/hardware/cards/nic/eth1' = dict('hwaddr', XEN_HOST_MACS[1]);

prefix '/system/network/interfaces';
'eth0' = dict('bridge', 'xenbr0', 'type', 'Ethernet', 'bootproto', 'none');
'eth1' = dict('bridge', 'xenbr1', 'type', 'Ethernet', 'bootproto', 'none');
'xenbr0' = create('struct/interface', 'ip', XEN_HOST_IP, 'type', 'Bridge');
'xenbr1' = create('struct/interface', 'ip', XEN_HOST_PRIVATE_IP, 'netmask', XEN_PRIVATE_NETMASK, 'type', 'Bridge');

prefix '/virtual/host';
'bridges' = XEN_BRIDGES;
'storage/guests' = dict('type', 'lvm', 'source', 'vg_guests');
'dom0_memory' = 4096;
'dom0_vcpus' = 2;

'/system/services' = list('xen');
