@{Site information system (BDII): adds the service and its packages to the profile.}
template services/bdii;

'/system/services' = append('bdii');
'/system/aii/osinstall/ks/packages' = merge(SELF, list('bdii', 'glite-info-provider-service'));
