@{User interface for grid users: adds the service and its packages to the profile.}
template services/ui;

'/system/services' = append('ui');
'/system/aii/osinstall/ks/packages' = merge(SELF, list('gfal2-util', 'voms-clients-cpp'));
