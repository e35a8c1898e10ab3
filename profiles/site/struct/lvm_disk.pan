@{One LVM-backed guest disk in the host's 'guests' volume group; callers pass vdev, size, volume.}
structure template struct/lvm_disk;

'pool' = 'guests';
'format' = 'raw';
'access' = 'rw';
