@{wn10: a physical worker node, installed over PXE.}
object template wn10.example.org;

variable HOST_IP = '192.0.2.60';
variable HOST_MAC = '3c:ec:ef:4a:10:60';
variable HOST_CORES = 32;
variable HOST_RAM_MB = 131072;

include 'roles/physical';
include 'services/wn';
