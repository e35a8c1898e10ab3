@{Storage element (dCache pool and door): adds the service and its packages to the profile.}
template services/se;

'/system/services' = append('se');
'/system/aii/osinstall/ks/packages' = merge(SELF, list('dcache', 'java-17-openjdk-headless'));
