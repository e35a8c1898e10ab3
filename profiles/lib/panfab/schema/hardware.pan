@{Hardware description: CPUs, memory and network cards (Quattor's /hardware conventions).}
declaration template panfab/schema/hardware;

include 'panfab/types/network';

type structure_cpu = {
    'manufacturer' ? string
    'model' ? string
    'speed' ? long(1..)
    'cores' : long(1..256) = 1
};

type structure_ram = {
    @{Size in MB.}
    'size' : long(1..)
};

type structure_nic = {
    'hwaddr' : type_hwaddr
    'boot' ? boolean
    'driver' ? string
};

type structure_cards = {
    'nic' : structure_nic{}
};

type structure_hardware = {
    'location' ? string
    'serialnumber' ? string
    'cpu' : structure_cpu[1..]
    'ram' : structure_ram[1..]
    'cards' : structure_cards
};

bind '/hardware' = structure_hardware;
