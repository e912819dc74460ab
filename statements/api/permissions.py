"""Who may do what through the API: reads for everyone, writes by model permission."""

from rest_framework.permissions import (
    SAFE_METHODS,
    BasePermission,
    DjangoModelPermissionsOrAnonReadOnly,
)


class ModelPermissionsOrReadOnly(DjangoModelPermissionsOrAnonReadOnly):
    """Anyone reads what is visible to them; writing needs the model's add/change/delete
    permission (editors, reviewers and admins hold them through their groups)."""

    def has_permission(self, request, view) -> bool:
        # A read needs no model permission: answered without building the view's queryset
        # (which the parent builds only to learn the model).
        if request.method in SAFE_METHODS and request.user is not None:
            return True
        return super().has_permission(request, view)


class CanViewHistory(BasePermission):
    """Past versions may hold text never published, so the history is for those who may
    view the model (editors, reviewers, admins)."""

    message = "Only editors, reviewers and admins may read the change history."

    def has_permission(self, request, view) -> bool:
        opts = view.get_queryset().model._meta
        user = request.user
        return user.is_authenticated and user.has_perm(f"{opts.app_label}.view_{opts.model_name}")


class CanAddStatements(BasePermission):
    """Only those who may add statements (editors and above) may ask for suggested
    attributions and answer them: accepting one writes a statement."""

    message = "You need the add_statement permission (editors, reviewers and admins have it)."

    def has_permission(self, request, view) -> bool:
        user = request.user
        return user.is_authenticated and user.has_perm("statements.add_statement")
