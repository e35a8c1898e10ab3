@{Xen host xen02: runs the guests that name it in /virtual/guest/host.}
object template xen02.example.org;

variable XEN_HOST_IP = '192.0.2.20';
variable XEN_HOST_PRIVATE_IP = '10.10.0.20';
variable XEN_HOST_MACS = list('a0:36:9f:1c:30:01', 'a0:36:9f:1c:30:02');
variable HOST_CORES = 12;
variable HOST_RAM_MB = 49152;

include 'roles/xen_host';
