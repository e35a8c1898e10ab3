/**
 * The shared templates of the synthetic benchmark sites (see site-generator.ts): a schema
 * library of record types with validation functions bound to the root, site functions and
 * configuration, structure templates used through create(), unique and ordinary role
 * templates, and one ordinary template per service.
 */

/** Services a guest may run (one template each). */
export const SERVICES = ['web', 'db', 'cache', 'batch', 'mail', 'dns', 'ldap', 'monitor'] as const;

/** The shared templates: schema, functions, structure templates, roles and services. */
export function libraryTemplates(): Record<string, string> {
  const files: Record<string, string> = {
    'schema/functions.pan': SCHEMA_FUNCTIONS,
    'schema/types.pan': SCHEMA_TYPES,
    'schema/profile.pan': SCHEMA_PROFILE,
    'site/functions.pan': SITE_FUNCTIONS,
    'site/config.pan': SITE_CONFIG,
    'struct/nic.pan': STRUCT_NIC,
    'struct/disk.pan': STRUCT_DISK,
    'struct/filesystem.pan': STRUCT_FILESYSTEM,
    'struct/user.pan': STRUCT_USER,
    'struct/repository.pan': STRUCT_REPOSITORY,
    'roles/base.pan': ROLE_BASE,
    'roles/os.pan': ROLE_OS,
    'roles/guest.pan': ROLE_GUEST,
    'roles/xen_host.pan': ROLE_XEN_HOST,
  };
  for (const [i, s] of SERVICES.entries()) files[`services/${s}.pan`] = serviceTemplate(s, i);
  return files;
}

function serviceTemplate(name: string, i: number): string {
  return `template services/${name};

'/system/services' = append(dict('name', '${name}', 'port', ${8000 + i}, 'enabled', true));
'/software/packages' = merge(SELF, list('${name}-server', '${name}-tools'));
'/system/filesystems' = append(create('struct/filesystem', 'mount', '/srv/${name}', 'size', ${10 + i}, 'device', 'vdb'));
'/system/users' = append(create('struct/user', 'name', '${name}', 'uid', ${500 + i}, 'home', '/srv/${name}'));
`;
}

const SCHEMA_FUNCTIONS = `declaration template schema/functions;

function is_ipv4 = {
  if (!is_string(ARGV[0])) return(false);
  parts = split('\\.', ARGV[0]);
  if (length(parts) != 4) return(false);
  foreach (i; p; parts) {
    if (!match(p, '^[0-9]{1,3}$')) return(false);
    if (to_long(p) > 255) return(false);
  };
  true;
};

function is_mac = match(ARGV[0], '^([0-9a-f]{2}:){5}[0-9a-f]{2}$');

function is_fqdn = {
  if (length(ARGV[0]) > 253) return(false);
  foreach (i; label; split('\\.', ARGV[0])) {
    if (!match(label, '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$')) return(false);
  };
  true;
};

function has_unique_names = {
  seen = dict();
  foreach (i; item; ARGV[0]) {
    if (exists(seen[item['name']])) return(false);
    seen[item['name']] = true;
  };
  true;
};
`;

const SCHEMA_TYPES = `declaration template schema/types;

include 'schema/functions';

type type_ipv4 = string with is_ipv4(SELF);
type type_mac = string with is_mac(SELF);
type type_fqdn = string with is_fqdn(SELF);
type type_uuid = string with match(SELF, '^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$');
type type_port = long(1..65535);
type type_absolute_path = string with match(SELF, '^/');

type structure_cpu = {
  'cores' : long(1..)
  'model' : string = 'generic'
  'vendor' : choice('intel', 'amd', 'generic') = 'generic'
};

type structure_nic = {
  'hwaddr' : type_mac
  'ip' ? type_ipv4
  'netmask' : type_ipv4 = '255.255.0.0'
  'gateway' ? type_ipv4
  'bridge' ? string
  'mtu' : long(576..9000) = 1500
  'boot' : boolean = false
  'onboot' : boolean = true
};

type structure_disk = {
  'vdev' : string with match(SELF, '^(xvd|hd|sd)[a-z]$')
  'size' : long(1..)
  'pool' : string
  'volume' : string
  'format' : choice('raw', 'qcow2') = 'raw'
  'access' : choice('rw', 'ro') = 'rw'
};

type structure_filesystem = {
  'mount' : type_absolute_path
  'device' : string
  'size' : long(0..)
  'type' : choice('xfs', 'ext4', 'swap') = 'xfs'
  'options' : string = 'defaults'
  'format' : boolean = true
  'preserve' : boolean = false
};

type structure_user = {
  'name' : string with match(SELF, '^[a-z_][a-z0-9_-]*$')
  'uid' : long(0..65535)
  'groups' : string[] = list()
  'shell' : type_absolute_path = '/bin/bash'
  'home' : type_absolute_path
};

type structure_repository = {
  'name' : string
  'url' : string with match(SELF, '^https?://')
  'enabled' : boolean = true
  'gpgcheck' : boolean = true
  'priority' : long(1..99) = 50
};

type structure_service = {
  'name' : string
  'port' : type_port
  'enabled' : boolean = true
};

type structure_guest = {
  'host' : type_fqdn
  'memory' : long(128..)
  'vcpus' : long(1..64)
  'uuid' : type_uuid
  'disks' : structure_disk[1..]
  'nics' : structure_nic[1..]
  'on_crash' : choice('destroy', 'restart') = 'restart'
  'autostart' : boolean = true
} with length(SELF['disks']) <= 8 || error('too many disks');

type structure_host = {
  'cores' : long(1..)
  'ram' : long(1024..)
  'rack' : string
  'bridges' : string[1..]
  'dom0_memory' : long(512..) = 4096
  'max_guests' : long(1..) = 40
};
`;

const SCHEMA_PROFILE = `declaration template schema/profile;

include 'schema/types';

type structure_network = {
  'hostname' : string
  'domainname' : type_fqdn
  'nameservers' : type_ipv4[1..]
  'interfaces' : structure_nic{}
  'default_gateway' ? type_ipv4
};

type structure_system = {
  'network' : structure_network
  'filesystems' : structure_filesystem[] with has_unique_names_by_mount(SELF)
  'users' : structure_user[] with has_unique_names(SELF)
  'services' : structure_service[]
  'timezone' : string = 'UTC'
  'kernel' : string
  'os' : dict
  'repositories' : structure_repository[]
  'role' : choice('guest', 'xen_host')
};

type structure_hardware = {
  'cpus' : structure_cpu[1..]
  'ram' : long(128..)
  'nics' : structure_nic{}
  'serial' ? string
};

type structure_virtual = {
  'guest' ? structure_guest
  'host' ? structure_host
};

type structure_profile = {
  'hardware' : structure_hardware
  'system' : structure_system
  'software' : dict
  'virtual' ? structure_virtual
} with {
  if (SELF['system']['role'] == 'guest' && !exists(SELF['virtual']['guest'])) error('a guest needs /virtual/guest');
  true;
};

function has_unique_names_by_mount = {
  seen = dict();
  foreach (i; fs; ARGV[0]) {
    key = replace('/', '_', fs['mount']);
    if (exists(seen[key])) return(false);
    seen[key] = true;
  };
  true;
};

bind '/' = structure_profile;
`;

const SITE_FUNCTIONS = `unique template site/functions;

function hostname_of = {
  parts = split('\\.', ARGV[0]);
  parts[0];
};

function domain_of = {
  i = index('.', ARGV[0]);
  substr(ARGV[0], i + 1);
};

function packages_for = {
  result = list();
  foreach (i; p; ARGV[0]) result[length(result)] = p;
  foreach (i; p; ARGV[1]) if (index(p, result) < 0) result[length(result)] = p;
  result;
};
`;

const SITE_CONFIG = `unique template site/config;

variable SITE_NAMESERVERS ?= list('10.0.0.53', '10.0.1.53');
variable SITE_GATEWAY ?= '10.0.0.1';
variable SITE_REPOSITORY_BASE ?= 'https://repo.example.org/el9';
variable SITE_BASE_PACKAGES ?= list('bash', 'coreutils', 'openssh-server', 'chrony', 'rsyslog',
  'sudo', 'tar', 'gzip', 'lvm2');
variable SITE_ADMINS ?= list('alice', 'bob');
`;

const STRUCT_NIC = `structure template struct/nic;

'netmask' = '255.255.0.0';
'mtu' = 1500;
'onboot' = true;
`;

const STRUCT_DISK = `structure template struct/disk;

'pool' = 'guests';
'format' = 'raw';
'access' = 'rw';
`;

const STRUCT_FILESYSTEM = `structure template struct/filesystem;

'type' = 'xfs';
'options' = 'defaults,noatime';
'format' = true;
'preserve' = false;
`;

const STRUCT_USER = `structure template struct/user;

'groups' = list('users');
'shell' = '/bin/bash';
`;

const STRUCT_REPOSITORY = `structure template struct/repository;

'enabled' = true;
'gpgcheck' = true;
'priority' = 50;
`;

const ROLE_OS = `unique template roles/os;

include 'site/config';
include 'site/functions';

'/system/kernel' = '5.14.0-427.el9.x86_64';
'/system/os' = dict('name', 'el', 'version', '9.4', 'arch', 'x86_64');
'/system/timezone' = 'UTC';
'/system/repositories' = {
  repos = list();
  foreach (i; r; list('baseos', 'appstream', 'epel')) {
    repos[length(repos)] = create('struct/repository', 'name', r,
      'url', SITE_REPOSITORY_BASE + '/' + r, 'priority', 10 + i * 10);
  };
  repos;
};
'/software/packages' = packages_for(SITE_BASE_PACKAGES, list());
`;

const ROLE_BASE = `template roles/base;

include 'schema/profile';
include 'roles/os';

'/system/network/hostname' = hostname_of(OBJECT);
'/system/network/domainname' = domain_of(OBJECT);
'/system/network/nameservers' = SITE_NAMESERVERS;
'/system/network/default_gateway' = SITE_GATEWAY;
'/system/filesystems' = list(
  create('struct/filesystem', 'mount', '/', 'size', 10240, 'device', 'vda1'),
  create('struct/filesystem', 'mount', '/var', 'size', 8192, 'device', 'vda2'),
);
'/system/users' = {
  users = list();
  foreach (i; u; SITE_ADMINS) users[length(users)] = create('struct/user', 'name', u, 'uid', 1000 + i, 'home', '/home/' + u);
  users;
};
'/system/services' = list(dict('name', 'sshd', 'port', 22, 'enabled', true));
`;

const ROLE_GUEST = `template roles/guest;

include 'roles/base';

variable GUEST_DISK_PREFIX = 'xvd';

'/system/role' = 'guest';
'/hardware/cpus' = list(dict('cores', GUEST_VCPUS));
'/hardware/ram' = GUEST_MEMORY;
'/hardware/nics/eth0' = create('struct/nic', 'hwaddr', GUEST_MAC, 'boot', true);
'/system/network/interfaces/eth0' = create('struct/nic', 'hwaddr', GUEST_MAC, 'ip', GUEST_IP,
  'gateway', SITE_GATEWAY, 'bridge', 'xenbr0');

prefix '/virtual/guest';
'host' = GUEST_HOST;
'memory' = GUEST_MEMORY;
'vcpus' = GUEST_VCPUS;
'uuid' = GUEST_UUID;
'disks' = list(
  create('struct/disk', 'vdev', GUEST_DISK_PREFIX + 'a', 'size', GUEST_DISK_GB, 'volume', hostname_of(OBJECT) + '-root'),
  create('struct/disk', 'vdev', GUEST_DISK_PREFIX + 'b', 'size', 10, 'volume', hostname_of(OBJECT) + '-data'),
);
'nics' = list(create('struct/nic', 'hwaddr', GUEST_MAC, 'bridge', 'xenbr0'));
prefix '';

'/software/packages' = merge(SELF, list('qemu-guest-agent', 'cloud-utils-growpart'));
`;

const ROLE_XEN_HOST = `template roles/xen_host;

include 'roles/base';

'/system/role' = 'xen_host';
'/hardware/cpus' = list(dict('cores', HOST_CORES, 'vendor', 'intel', 'model', 'xeon'));
'/hardware/ram' = HOST_RAM_MB;
'/hardware/nics/eth0' = create('struct/nic', 'hwaddr', HOST_MAC, 'boot', true);
'/hardware/serial' = 'SN-' + hostname_of(OBJECT);
'/system/network/interfaces/eth0' = create('struct/nic', 'hwaddr', HOST_MAC, 'ip', HOST_IP,
  'gateway', SITE_GATEWAY, 'bridge', 'xenbr0');

prefix '/virtual/host';
'cores' = HOST_CORES;
'ram' = HOST_RAM_MB;
'rack' = HOST_RACK;
'bridges' = list('xenbr0', 'xenbr1');

'/software/packages' = merge(SELF, list('xen', 'xen-hypervisor', 'bridge-utils'));
'/system/services' = append(dict('name', 'xend', 'port', 8002, 'enabled', true));
`;
