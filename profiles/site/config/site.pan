@{Site-wide settings of the example grid site: domain, networks, install server, OS mirror.}
unique template config/site;

final variable SITE_DOMAIN = 'example.org';
final variable SITE_GATEWAY = '192.0.2.1';
final variable SITE_NETMASK = '255.255.255.0';
final variable SITE_NAMESERVERS = list('192.0.2.53', '192.0.2.54');
final variable SITE_INSTALL_SERVER = 'install.example.org';
final variable SITE_OS_MIRROR = 'http://' + SITE_INSTALL_SERVER + '/mirror/el9/x86_64';
final variable SITE_TIMEZONE = 'Europe/Zurich';
@{SHA-512 crypt hash of the installation root password.}
final variable SITE_ROOTPW = '$6$k3Xv9q2T$QmVh2kS8dQ3m1oQy8lQW7m2v4Jc0q1FzT3d6sY8pN0bX5uR2eG7iH9aL4wK1jD3fC6vB8nM0zP2qS5tU7xY9A.';
