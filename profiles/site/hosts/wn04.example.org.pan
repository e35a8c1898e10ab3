@{wn04: virtual worker node}
object template wn04.example.org;

variable GUEST_HOST = 'xen02.example.org';
variable GUEST_TYPE = 'pv';
variable GUEST_BOOT = 'pypxeboot';
variable GUEST_MEMORY = 8192;
variable GUEST_VCPUS = 4;
variable GUEST_IP = '192.0.2.44';
variable GUEST_MAC = '00:16:3e:00:00:44';
variable GUEST_UUID = '6f1c2b3a-0c4d-4e5f-8a9b-0c1d2e3f4a44';
variable GUEST_DISK_GB = 40;

include 'roles/guest';
include 'services/wn';
