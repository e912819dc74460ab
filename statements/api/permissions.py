"""Who may do what through the API: reads for everyone, writes by model permission."""

from rest_framework.permissions import DjangoModelPermissionsOrAnonReadOnly


class ModelPermissionsOrReadOnly(DjangoModelPermissionsOrAnonReadOnly):
    """Anyone reads what is visible to them; writing needs the model's add/change/delete
    permission (editors, reviewers and admins hold them through their groups)."""
