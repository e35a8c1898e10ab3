@{ui01: user interface, an HVM guest that network-boots like a physical machine}
object template ui01.example.org;

variable GUEST_HOST = 'xen02.example.org';
variable GUEST_TYPE = 'hvm';
variable GUEST_BOOT = 'hvm-pxe';
variable GUEST_MEMORY = 4096;
variable GUEST_VCPUS = 2;
variable GUEST_IP = '192.0.2.35';
variable GUEST_MAC = '00:16:3e:00:00:35';
variable GUEST_UUID = '6f1c2b3a-0c4d-4e5f-8a9b-0c1d2e3f4a35';
variable GUEST_DISK_GB = 40;

include 'roles/guest';
include 'services/ui';
