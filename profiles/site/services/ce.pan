@{Computing element (HTCondor-CE): adds the service and its packages to the profile.}
template services/ce;

'/system/services' = append('ce');
'/system/aii/osinstall/ks/packages' = merge(SELF, list('htcondor-ce', 'condor'));
