@{Installation settings for Enterprise Linux 9: kickstart and network-boot entry.}
template os/el9;

include 'config/site';

prefix '/system/aii/osinstall/ks';
'installtype' = 'url --url=' + SITE_OS_MIRROR + '/os';
'repo' = list(SITE_OS_MIRROR + '/os', SITE_OS_MIRROR + '/updates');
'timezone' = SITE_TIMEZONE;
'rootpw' = SITE_ROOTPW;
'bootproto' = 'static';
'lang' = 'en_US.UTF-8';
'keyboard' = 'us';
'packages' ?= list('@core', 'openssh-server', 'chrony');
'selinux' = 'enforcing';

prefix '/system/aii/nbp/pxelinux';
'kernel' = 'el9/vmlinuz';
'initrd' = 'el9/initrd.img';
'label' = 'Enterprise Linux 9 (x86_64)';
'kslocation' = format('http://%s/ks/%s.ks', SITE_INSTALL_SERVER, OBJECT);
'append' = 'inst.text console=ttyS0,115200';
