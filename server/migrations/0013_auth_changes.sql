-- Who a session belongs to (the user, their role grants, their orgs' names) is kept in each server instance's memory for a short while; every change to those rows is announced on the auth_changed channel, so every instance drops what it kept at once. The payload is the user's id, or * when an org changed (any grant may name it).
CREATE FUNCTION "notify_auth_changed_user"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('auth_changed', OLD.id::text);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION "notify_auth_changed_grant"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM pg_notify('auth_changed', NEW.user_id::text);
  ELSE
    PERFORM pg_notify('auth_changed', OLD.user_id::text);
    IF TG_OP = 'UPDATE' AND NEW.user_id IS DISTINCT FROM OLD.user_id THEN
      PERFORM pg_notify('auth_changed', NEW.user_id::text);
    END IF;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION "notify_auth_changed_org"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('auth_changed', '*');
  RETURN NULL;
END $$;--> statement-breakpoint
-- A login on WeChat Cloud Run writes the same values again on every request: only a real change is announced.
CREATE TRIGGER "users_auth_changed_update" AFTER UPDATE ON "users" FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION "notify_auth_changed_user"();--> statement-breakpoint
CREATE TRIGGER "users_auth_changed_delete" AFTER DELETE ON "users" FOR EACH ROW EXECUTE FUNCTION "notify_auth_changed_user"();--> statement-breakpoint
CREATE TRIGGER "staff_roles_auth_changed" AFTER INSERT OR UPDATE OR DELETE ON "staff_roles" FOR EACH ROW EXECUTE FUNCTION "notify_auth_changed_grant"();--> statement-breakpoint
CREATE TRIGGER "orgs_auth_changed_update" AFTER UPDATE ON "orgs" FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION "notify_auth_changed_org"();--> statement-breakpoint
CREATE TRIGGER "orgs_auth_changed_delete" AFTER DELETE ON "orgs" FOR EACH ROW EXECUTE FUNCTION "notify_auth_changed_org"();
