@{Worker node (HTCondor execute node): adds the service and its packages to the profile.}
template services/wn;

'/system/services' = append('wn');
'/system/aii/osinstall/ks/packages' = merge(SELF, list('condor', 'apptainer'));
