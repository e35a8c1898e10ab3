@{Declares the current profile a Xen guest (domU): binds /virtual/guest.}
declaration template panfab/virtual_guest;

include 'panfab/schema';

bind '/virtual' = structure_virtual;
bind '/virtual/guest' = structure_virtual_guest;
