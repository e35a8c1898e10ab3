@{bdii01: site information system, already installed (boots with pygrub)}
object template bdii01.example.org;

variable GUEST_HOST = 'xen01.example.org';
variable GUEST_TYPE = 'pv';
variable GUEST_BOOT = 'pygrub';
variable GUEST_MEMORY = 2048;
variable GUEST_VCPUS = 1;
variable GUEST_IP = '192.0.2.33';
variable GUEST_MAC = '00:16:3e:00:00:33';
variable GUEST_UUID = '6f1c2b3a-0c4d-4e5f-8a9b-0c1d2e3f4a33';
variable GUEST_DISK_GB = 20;

include 'roles/guest';
include 'services/bdii';
