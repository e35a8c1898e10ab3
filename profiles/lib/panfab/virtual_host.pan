@{Declares the current profile a Xen host (dom0): binds /virtual/host.}
declaration template panfab/virtual_host;

include 'panfab/schema';

bind '/virtual' = structure_virtual;
bind '/virtual/host' = structure_virtual_host;
