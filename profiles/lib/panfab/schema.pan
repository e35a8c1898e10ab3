@{Entry point of panfab's schema library: every profile includes it once.}
declaration template panfab/schema;

include 'panfab/schema/hardware';
include 'panfab/schema/network';
include 'panfab/schema/aii';
include 'panfab/schema/virtual';

type structure_system = {
    'network' : structure_network
    'aii' ? structure_aii
    @{Services this machine runs (grid roles such as 'ce', 'se', 'bdii').}
    'services' ? string[]
};

bind '/system' = structure_system;
