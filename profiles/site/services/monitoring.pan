@{Monitoring (Prometheus): adds the service and its packages to the profile.}
template services/monitoring;

'/system/services' = append('monitoring');
'/system/aii/osinstall/ks/packages' = merge(SELF, list('prometheus', 'node_exporter'));
