@{A static, boot-time interface with the site netmask; callers pass 'ip' (and may override
  'netmask' or add 'type').}
structure template struct/interface;

'netmask' = SITE_NETMASK;
'bootproto' = 'static';
'onboot' = true;
