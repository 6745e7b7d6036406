-- client-service lets every staff role keep client records up to date (SERVICES.md: clients are
-- [staff]): dispatchers correct contacts and phone numbers, accountants own payment terms, credit
-- limits and tax exemption.
insert into role_permissions (role_name, permission_code) values
    ('dispatcher', 'clients:write'), ('accountant', 'clients:write')
on conflict do nothing;
