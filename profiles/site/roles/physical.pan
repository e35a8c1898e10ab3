@{A physical machine installed over PXE from the install server. Set HOST_IP, HOST_MAC,
  HOST_CORES and HOST_RAM_MB before including it.}
template roles/physical;

include 'roles/base';

'/hardware/cpu' = list(dict('manufacturer', 'AMD', 'model', 'EPYC 7302', 'cores', HOST_CORES));
'/hardware/ram' = list(dict('size', HOST_RAM_MB));
'/hardware/cards/nic/eth0' = dict('hwaddr', HOST_MAC, 'boot', true);
'/system/network/interfaces/eth0' = create('struct/interface', 'ip', HOST_IP);
