@{Adds a second NIC on the private network bridge xenbr1 to a guest. Set GUEST_PRIVATE_IP and
  GUEST_PRIVATE_MAC before including it.}
template roles/private_nic;

'/hardware/cards/nic/eth1' = dict('hwaddr', GUEST_PRIVATE_MAC);
'/system/network/interfaces/eth1' = create('struct/interface', 'ip', GUEST_PRIVATE_IP, 'netmask', XEN_PRIVATE_NETMASK);
'/virtual/guest/nics' = append(dict('device', 'eth1', 'bridge', 'xenbr1'));
