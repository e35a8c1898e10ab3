@{Xen host xen01: runs the guests that name it in /virtual/guest/host.}
object template xen01.example.org;

variable XEN_HOST_IP = '192.0.2.10';
variable XEN_HOST_PRIVATE_IP = '10.10.0.10';
variable XEN_HOST_MACS = list('a0:36:9f:1c:20:01', 'a0:36:9f:1c:20:02');
variable HOST_CORES = 16;
variable HOST_RAM_MB = 65536;

include 'roles/xen_host';
