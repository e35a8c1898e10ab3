@{se01: storage element with a data disk and a NIC on the private network}
object template se01.example.org;

variable GUEST_HOST = 'xen01.example.org';
variable GUEST_TYPE = 'pv';
variable GUEST_BOOT = 'direct-kernel';
variable GUEST_MEMORY = 8192;
variable GUEST_VCPUS = 4;
variable GUEST_IP = '192.0.2.32';
variable GUEST_MAC = '00:16:3e:00:00:32';
variable GUEST_UUID = '6f1c2b3a-0c4d-4e5f-8a9b-0c1d2e3f4a32';
variable GUEST_DISK_GB = 40;

include 'roles/guest';
include 'services/se';

variable GUEST_PRIVATE_IP = '10.10.1.32';
variable GUEST_PRIVATE_MAC = '00:16:3e:00:01:32';
include 'roles/private_nic';

@{A second LVM volume for the dCache pool.}
'/virtual/guest/disks' = append(create('struct/lvm_disk', 'vdev', 'xvdb', 'size', 500, 'volume', 'se01-pool'));
