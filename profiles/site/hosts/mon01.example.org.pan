@{mon01: monitoring server}
object template mon01.example.org;

variable GUEST_HOST = 'xen01.example.org';
variable GUEST_TYPE = 'pv';
variable GUEST_BOOT = 'pygrub';
variable GUEST_MEMORY = 2048;
variable GUEST_VCPUS = 2;
variable GUEST_IP = '192.0.2.34';
variable GUEST_MAC = '00:16:3e:00:00:34';
variable GUEST_UUID = '6f1c2b3a-0c4d-4e5f-8a9b-0c1d2e3f4a34';
variable GUEST_DISK_GB = 60;

include 'roles/guest';
include 'services/monitoring';
