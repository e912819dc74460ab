"""Who may do what through the API: reads for everyone, writes by model permission."""

from rest_framework.permissions import BasePermission, DjangoModelPermissionsOrAnonReadOnly


class ModelPermissionsOrReadOnly(DjangoModelPermissionsOrAnonReadOnly):
    """Anyone reads what is visible to them; writing needs the model's add/change/delete
    permission (editors, reviewers and admins hold them through their groups)."""


class CanViewHistory(BasePermission):
    """Past versions may hold text never published, so the history is for those who may
    view the model (editors, reviewers, admins)."""

    message = "Only editors, reviewers and admins may read the change history."

    def has_permission(self, request, view) -> bool:
        opts = view.get_queryset().model._meta
        user = request.user
        return user.is_authenticated and user.has_perm(f"{opts.app_label}.view_{opts.model_name}")
